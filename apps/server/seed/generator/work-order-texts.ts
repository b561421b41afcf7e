// What the customers of a 95598 centre call about, in their words: the type mix, sub-categories with
// titles and descriptions, and the answers the handlers give. Placeholders: {addr} the service point,
// {acct} the account number, {month} a recent month, {amount} a bill in yuan, {time} when it started.
import type { WorkOrderType } from '@gridcare/domain';

export interface SubCategoryText {
  sub: string | null;
  weight: number;
  titles: readonly string[];
  descriptions: readonly string[];
  replies: readonly string[];
}

/** A 95598 centre's mix: consultation and query most, fault repair next, complaints a few per cent. */
export const TYPE_MIX: readonly (readonly [WorkOrderType, number])[] = [
  ['consultation', 40],
  ['query', 15],
  ['fault_repair', 24],
  ['application', 7],
  ['complaint', 3.5],
  ['urge', 3],
  ['suggestion', 3],
  ['praise', 2],
  ['report', 2.5],
];

/** Phone first; fault calls come almost only by phone. */
export const CHANNEL_MIX: readonly (readonly [string, number])[] = [
  ['phone', 68],
  ['wechat', 13],
  ['portal', 8],
  ['counter', 6],
  ['account_manager', 3],
  ['sms', 1],
  ['email', 1],
];

export const TEXTS: Record<WorkOrderType, readonly SubCategoryText[]> = {
  consultation: [
    {
      sub: 'tariff',
      weight: 30,
      titles: [
        '咨询居民阶梯电价标准',
        '咨询峰谷分时电价时段',
        '咨询一户多人口电价政策',
        '咨询电动汽车充电电价',
      ],
      descriptions: [
        '客户来电咨询居民阶梯电价各档电量及电价标准，户号{acct}。',
        '客户咨询峰谷分时电价的峰段、谷段划分，以及执行分时电价是否需要申请。',
        '客户家中常住人口超过5人，咨询一户多人口阶梯电量增加的办理条件和所需材料。',
        '客户新购电动汽车，咨询居民充电桩执行的电价标准及是否参与峰谷分时。',
      ],
      replies: [
        '已向客户解释阶梯电价分档标准及各档电价，客户表示清楚。',
        '已告知峰谷时段划分：峰段8:00—22:00，谷段22:00—次日8:00，可通过网上国网App申请。',
        '已告知一户多人口申请需提供户口簿及身份证，可在营业厅或网上国网App办理。',
      ],
    },
    {
      sub: 'billing',
      weight: 25,
      titles: ['咨询本月电费偏高原因', '咨询电费账单明细', '咨询电费发票开具'],
      descriptions: [
        '客户反映{month}电费{amount}元，较上月明显增加，咨询原因，户号{acct}。',
        '客户看不懂电费账单中的分档电量和基本电费，要求解释账单明细。',
        '客户需要开具增值税电子发票，咨询开具方式。',
      ],
      replies: [
        '经核实，本月用电量增加主要因空调负荷上升，抄表数据正常，已向客户解释。',
        '已逐项解释账单中各档电量、电价及合计金额，客户表示理解。',
        '已告知可通过网上国网App“电费发票”功能下载电子发票。',
      ],
    },
    {
      sub: 'payment',
      weight: 15,
      titles: ['咨询线上缴费渠道', '咨询电费代扣办理', '咨询预存电费方式'],
      descriptions: [
        '客户咨询除营业厅外还有哪些缴费渠道，户号{acct}。',
        '客户希望办理银行代扣电费，咨询所需资料和办理地点。',
        '客户将外出较长时间，咨询如何预存电费避免欠费停电。',
      ],
      replies: [
        '已告知可通过网上国网App、微信、支付宝及银行网点缴费。',
        '已告知携带身份证及银行卡到营业厅或在网上国网App签约代扣。',
      ],
    },
    {
      sub: 'new_connection',
      weight: 15,
      titles: ['咨询新装用电办理流程', '咨询居民增容所需资料', '咨询临时用电申请'],
      descriptions: [
        '客户新建住房位于{addr}，咨询新装用电的办理流程及时限。',
        '客户家中新增空调和电热水器，咨询将容量由4千伏安增至8千伏安所需资料。',
        '客户装修房屋需要临时用电，咨询申请条件和收费标准。',
      ],
      replies: [
        '已告知居民新装“一证受理”，提供身份证及房产证明即可，装表接电不超过5个工作日。',
        '已告知增容可在网上国网App在线申请，工作人员将上门勘查。',
      ],
    },
    {
      sub: 'outage',
      weight: 10,
      titles: ['咨询停电原因及恢复时间', '咨询计划停电安排'],
      descriptions: [
        '客户反映{addr}一带停电，咨询停电原因及预计恢复时间。',
        '客户收到停电通知短信，咨询停电范围及具体时段。',
      ],
      replies: [
        '经查询为计划检修停电，预计当日17:00前恢复送电，已告知客户。',
        '已告知停电范围及时段，并提醒客户提前做好准备。',
      ],
    },
    {
      sub: 'ev_charging',
      weight: 5,
      titles: ['咨询居民充电桩报装'],
      descriptions: ['客户在小区有固定车位，咨询安装个人充电桩的报装流程。'],
      replies: ['已告知需提供车位产权或使用证明及物业同意书，可在网上国网App申请。'],
    },
  ],
  query: [
    {
      sub: 'bill',
      weight: 40,
      titles: ['查询本月电费', '查询欠费金额'],
      descriptions: ['客户要求查询户号{acct}{month}电费及缴费情况。', '客户要求查询当前是否欠费及欠费金额。'],
      replies: ['已告知客户{month}电费{amount}元，已缴清。', '已告知当前欠费金额及缴费截止日期。'],
    },
    {
      sub: 'usage',
      weight: 25,
      titles: ['查询近三个月用电量', '查询峰谷电量'],
      descriptions: ['客户要求查询户号{acct}近三个月的用电量。', '客户要求查询上月峰段、谷段各用电多少。'],
      replies: ['已告知近三个月用电量，客户表示无异议。'],
    },
    {
      sub: 'payment_record',
      weight: 15,
      titles: ['查询缴费记录'],
      descriptions: ['客户通过手机缴费后未收到到账提醒，要求查询缴费记录。'],
      replies: ['经查询缴费已于当日到账，已告知客户。'],
    },
    {
      sub: 'progress',
      weight: 15,
      titles: ['查询业务办理进度', '查询增容申请进度'],
      descriptions: ['客户要求查询此前申请业务的办理进度。', '客户询问增容申请的勘查和装表时间。'],
      replies: ['已告知目前处于现场勘查环节，预计3个工作日内完成。'],
    },
    {
      sub: 'outage_schedule',
      weight: 5,
      titles: ['查询计划停电信息'],
      descriptions: ['客户要求查询{addr}近期是否有计划停电。'],
      replies: ['已告知近期计划停电安排。'],
    },
  ],
  fault_repair: [
    {
      sub: 'no_power',
      weight: 45,
      titles: ['家中突然停电', '全户无电', '整栋楼停电', '小区大面积停电'],
      descriptions: [
        '客户来电反映{addr}于{time}起全户无电，邻居家也无电，请尽快派人抢修。',
        '客户反映家中突然停电，总开关未跳闸，请派人检查。地址：{addr}。',
        '客户反映所在单元整栋楼停电，电梯停运，有老人被困家中。',
      ],
      replies: [
        '经查为台区低压线路故障，已抢修完毕恢复送电。',
        '经查为表后进户线接头烧断，已更换接头恢复送电，并提醒客户表后线路属客户资产。',
        '经查为配变低压熔丝熔断，已更换熔丝恢复送电。',
      ],
    },
    {
      sub: 'partial_power',
      weight: 15,
      titles: ['家中部分电器无法使用', '疑似缺相'],
      descriptions: [
        '客户反映家中部分房间有电、部分无电，{addr}。',
        '客户反映三相设备无法启动，怀疑缺相，地址{addr}。',
      ],
      replies: ['经查为零线接触不良，已紧固处理，恢复正常。', '经查为低压线路一相断线，已接续恢复。'],
    },
    {
      sub: 'voltage',
      weight: 15,
      titles: ['电压不稳灯光闪烁', '电压偏低空调无法启动'],
      descriptions: [
        '客户反映晚间灯光闪烁，电器时开时停，地址{addr}。',
        '客户反映傍晚电压偏低，空调无法启动。',
      ],
      replies: ['经测量电压偏低，已调整配变分接头，电压恢复正常。'],
    },
    {
      sub: 'meter_fault',
      weight: 10,
      titles: ['电能表黑屏', '电能表冒烟'],
      descriptions: [
        '客户反映电能表显示屏黑屏，不显示读数，户号{acct}。',
        '客户反映表箱内有焦糊味，电能表冒烟。',
      ],
      replies: ['已更换故障电能表，换表底数已请客户确认签字。'],
    },
    {
      sub: 'line_fault',
      weight: 10,
      titles: ['电线被大风刮断', '电杆倾斜'],
      descriptions: [
        '客户反映{addr}附近电线被大风刮断落地，请尽快处理。',
        '客户反映路边电杆倾斜，有倒杆危险。',
      ],
      replies: ['已到现场设置安全围栏并恢复线路，已送电。', '已对倾斜电杆进行扶正加固。'],
    },
    {
      sub: 'safety_hazard',
      weight: 5,
      titles: ['变压器异响', '低压线路打火'],
      descriptions: ['客户反映小区变压器发出异常响声，担心安全。', '客户反映{addr}附近低压线路有打火现象。'],
      replies: ['经检查为配变过负荷，已调整负荷分配，消除隐患。'],
    },
  ],
  complaint: [
    {
      sub: 'supply_quality',
      weight: 35,
      titles: ['频繁停电投诉', '电压长期偏低'],
      descriptions: [
        '客户投诉近一个月内{addr}停电4次，严重影响生活，要求给出解释并彻底解决。',
        '客户投诉晚间电压长期偏低，空调、冰箱无法正常使用，多次反映未解决。',
      ],
      replies: ['已对台区进行改造，更换导线并新增配变，电压恢复正常，已向客户说明。'],
    },
    {
      sub: 'capacity',
      weight: 15,
      titles: ['报装容量迟迟未解决', '增容申请办理超时'],
      descriptions: ['客户投诉增容申请已提交20多天仍未装表，影响生产。', '客户投诉新装用电办理时间过长。'],
      replies: ['已协调发展策划部加快配套工程，预计一周内完成装表接电，已致歉。'],
    },
    {
      sub: 'billing',
      weight: 25,
      titles: ['电费计费错误投诉', '对阶梯电价计费有异议'],
      descriptions: [
        '客户投诉{month}电费{amount}元明显异常，怀疑抄表错误，户号{acct}。',
        '客户认为阶梯电价计费有误，要求重新核算。',
      ],
      replies: ['经核查为抄表员估抄，已按实际读数退补电费，并向客户致歉。'],
    },
    {
      sub: 'service_attitude',
      weight: 20,
      titles: ['营业厅工作人员服务态度差', '抢修人员未按约定时间到达'],
      descriptions: [
        '客户投诉在营业厅办理业务时工作人员态度冷淡、推诿。',
        '客户投诉抢修人员承诺1小时内到达，实际3小时后才到。',
      ],
      replies: ['已对相关人员进行批评教育并纳入考核，已向客户当面致歉。'],
    },
    {
      sub: 'other',
      weight: 5,
      titles: ['停电未提前通知'],
      descriptions: ['客户投诉计划停电未提前通知，造成冰柜内货物损失。'],
      replies: ['已核实通知发送情况，完善停电通知范围，已向客户解释并致歉。'],
    },
  ],
  report: [
    {
      sub: 'electricity_theft',
      weight: 60,
      titles: ['举报疑似窃电', '举报私拉乱接'],
      descriptions: [
        '来电人举报{addr}附近一户绕越电能表用电，请求核查。来电人要求匿名。',
        '来电人举报有人从路灯线路私拉电线用电。',
      ],
      replies: ['经用电检查人员现场核查，已依法处理，感谢来电人。'],
    },
    {
      sub: 'illegal_use',
      weight: 25,
      titles: ['举报违约用电'],
      descriptions: ['来电人举报某商户私自转供电给周边商铺。'],
      replies: ['已现场检查，责令其停止转供电并补签合同。'],
    },
    {
      sub: 'safety_hazard',
      weight: 15,
      titles: ['举报线路下违章建筑'],
      descriptions: ['来电人举报高压线路下方有人搭建彩钢棚，存在安全隐患。'],
      replies: ['已发隐患告知书并会同属地政府督促整改。'],
    },
  ],
  suggestion: [
    {
      sub: 'service',
      weight: 60,
      titles: ['建议增加营业厅周末营业时间', '建议停电通知提前发送'],
      descriptions: [
        '客户建议营业厅周末全天营业，方便上班族办理业务。',
        '客户建议计划停电通知至少提前三天发送。',
      ],
      replies: ['感谢建议，已转相关部门研究。'],
    },
    {
      sub: 'app',
      weight: 40,
      titles: ['建议优化网上国网App缴费页面'],
      descriptions: ['客户建议App缴费页面增加历史账单对比功能。'],
      replies: ['感谢建议，已反馈给系统运维部门。'],
    },
  ],
  praise: [
    {
      sub: 'repair_crew',
      weight: 60,
      titles: ['表扬抢修人员', '感谢抢修班冒雨抢修'],
      descriptions: ['客户来电表扬抢修人员深夜冒雨抢修，态度好、效率高。'],
      replies: ['已将表扬转达所属供电所并通报表扬。'],
    },
    {
      sub: 'hall_staff',
      weight: 40,
      titles: ['表扬营业厅工作人员'],
      descriptions: ['客户表扬营业厅工作人员耐心细致，帮助老人办理业务。'],
      replies: ['已将表扬转达营业厅。'],
    },
  ],
  application: [
    {
      sub: 'meter_test',
      weight: 25,
      titles: ['申请电能表校验'],
      descriptions: ['客户怀疑电能表走字偏快，申请校验，户号{acct}。'],
      replies: [
        '校验结果：电能表误差在允许范围内，合格，已告知客户。',
        '校验结果：电能表超差，已更换并退补电费。',
      ],
    },
    {
      sub: 'tariff_change',
      weight: 20,
      titles: ['申请变更电价类别'],
      descriptions: ['客户将住房改为经营用房，申请变更电价类别，户号{acct}。'],
      replies: ['已完成电价类别变更，自下一抄表周期起执行。'],
    },
    {
      sub: 'name_change',
      weight: 25,
      titles: ['申请过户'],
      descriptions: ['客户购买二手房，申请将户名变更为本人，户号{acct}。'],
      replies: ['过户已办理完成，已告知客户。'],
    },
    {
      sub: 'capacity_increase',
      weight: 20,
      titles: ['申请增容'],
      descriptions: ['客户新增设备，申请增加用电容量，地址{addr}。'],
      replies: ['已完成现场勘查及装表接电，增容完成。'],
    },
    {
      sub: 'ev_charger',
      weight: 10,
      titles: ['申请充电桩报装'],
      descriptions: ['客户申请在自有车位安装7千瓦交流充电桩。'],
      replies: ['充电桩已装表接电，已告知客户。'],
    },
  ],
  urge: [
    {
      sub: null,
      weight: 1,
      titles: ['催办'],
      descriptions: ['客户来电催促此前工单的处理进度，要求尽快答复。'],
      replies: ['已督促承办单位加快处理，并告知客户预计答复时间。'],
    },
  ],
};

export const VISIT_NOTES = {
  satisfied: ['客户表示满意', '客户对处理结果满意，无其他诉求', '客户表示满意，感谢及时处理'],
  basically_satisfied: ['客户基本满意，希望以后提前通知', '客户基本满意，认为处理时间稍长'],
  unsatisfied: ['客户对答复不满意，要求重新处理', '客户表示问题仍未解决'],
  unreachable: ['电话无人接听', '客户手机关机', '号码暂时无法接通'],
} as const;

export const PAUSE_REASONS = ['等待客户补充资料', '客户要求改期上门', '等待客户提供电费发票及身份证明'];
export const SEND_BACK_REASONS = ['非本部门职责，请重新派单', '地址不在本单位服务范围，请重新派单'];
export const CONTACT_NOTES = ['已电话联系客户，了解诉求并约定处理时间', '已与客户沟通，告知处理进展'];
export const HANDLE_NOTES = ['已现场核实并处理完毕', '已按规定处理', '处理完毕，待答复客户'];
export const CLOSE_NOTES = ['已答复客户，归档', '答复后客户无异议，归档'];
